//! The JSON API under `/api/v1/`: the command-line queries over HTTP, with the same
//! filters and the same answers. Parameters are checked by name (an unknown one is an
//! error, not silently ignored) and by value; errors are JSON with a telling status.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use aras_relations::{
    balance, dyads, timeline_with, BalanceOptions, Bucket, DyadOptions, EventRow, Level,
    MixedPolicy, Unit,
};
use aras_store::{EventFilter, MentionFilter, ModalityFilter, Store, StoreError};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use tokio::sync::OnceCell;

use crate::AppState;

/// Most rows a JSON page holds.
const MAX_PAGE: usize = 500;
/// Most rows an export (CSV, JSON Lines) holds, and most events any query reads.
const MAX_ROWS: usize = 100_000;
/// Responses kept (the store does not change while it is served read-only).
const CACHE_ENTRIES: usize = 4096;
/// Largest response kept in the cache.
const CACHE_MAX_BYTES: usize = 1 << 20;

/// What a request can get wrong, or the server.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{1}")]
    Status(StatusCode, String),
    #[error("store query failed: {0}")]
    Store(#[from] StoreError),
    #[error("the server is shutting down")]
    Unavailable,
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Status(s, _) => *s,
            ApiError::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::json!({
            "error": { "status": status.as_u16(), "message": self.to_string() }
        });
        (status, axum::Json(body)).into_response()
    }
}

/// A response body and its type, as cached.
#[derive(Clone)]
pub(crate) struct Reply {
    content_type: &'static str,
    body: axum::body::Bytes,
}

impl Reply {
    fn json<T: Serialize>(value: &T) -> Result<Reply, ApiError> {
        let body = serde_json::to_vec(value)
            .map_err(|e| ApiError::Status(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        Ok(Reply {
            content_type: "application/json",
            body: body.into(),
        })
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut r = self.body.into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        r
    }
}

/// Answers by request URI.
#[derive(Default)]
pub(crate) struct Cache {
    replies: Mutex<HashMap<String, Reply>>,
    /// Queries being answered: a second request for the same URI waits for the first
    /// one's answer instead of running the query again.
    running: Mutex<HashMap<String, Arc<OnceCell<Reply>>>>,
}

impl Cache {
    fn get(&self, key: &str) -> Option<Reply> {
        self.replies.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: String, reply: &Reply) {
        if reply.body.len() > CACHE_MAX_BYTES {
            return;
        }
        if let Ok(mut replies) = self.replies.lock() {
            if replies.len() >= CACHE_ENTRIES {
                replies.clear();
            }
            replies.insert(key, reply.clone());
        }
    }
}

/// The query parameters of a request, checked against the names an endpoint knows.
pub(crate) struct Params(HashMap<String, String>);

impl Params {
    fn parse(raw: Option<&str>, known: &[&str]) -> Result<Params, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|e| ApiError::BadRequest(format!("unreadable query string: {e}")))?;
        let mut map = HashMap::new();
        for (k, v) in pairs {
            if !known.contains(&k.as_str()) {
                return Err(ApiError::BadRequest(format!(
                    "unknown parameter {k:?}; this endpoint takes: {}",
                    known.join(", ")
                )));
            }
            if map.insert(k.clone(), v).is_some() {
                return Err(ApiError::BadRequest(format!("parameter {k:?} given twice")));
            }
        }
        Ok(Params(map))
    }

    /// A non-empty value.
    fn text(&self, name: &str) -> Option<String> {
        self.0
            .get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    fn required(&self, name: &str) -> Result<String, ApiError> {
        self.text(name)
            .ok_or_else(|| ApiError::BadRequest(format!("parameter {name:?} is required")))
    }

    fn value<T: FromStr>(&self, name: &str) -> Result<Option<T>, ApiError>
    where
        T::Err: std::fmt::Display,
    {
        self.text(name)
            .map(|v| {
                v.parse::<T>()
                    .map_err(|e| ApiError::BadRequest(format!("parameter {name}={v:?}: {e}")))
            })
            .transpose()
    }

    fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.text(name).as_deref() {
            None | Some("false") | Some("0") | Some("no") => Ok(false),
            Some("true") | Some("1") | Some("yes") => Ok(true),
            Some(v) => Err(ApiError::BadRequest(format!(
                "parameter {name}={v:?}: use true or false"
            ))),
        }
    }

    fn date(&self, name: &str) -> Result<Option<jiff::civil::Date>, ApiError> {
        self.text(name)
            .map(|v| {
                v.parse().map_err(|_| {
                    ApiError::BadRequest(format!(
                        "parameter {name}={v:?} is not a date (YYYY-MM-DD)"
                    ))
                })
            })
            .transpose()
    }

    /// `limit`, defaulting to `default`, at most `max`.
    fn limit(&self, default: usize, max: usize) -> Result<usize, ApiError> {
        let n = self.value::<usize>("limit")?.unwrap_or(default);
        if n == 0 || n > max {
            return Err(ApiError::BadRequest(format!(
                "parameter limit={n}: use 1 to {max}"
            )));
        }
        Ok(n)
    }

    fn offset(&self) -> Result<usize, ApiError> {
        let n = self.value::<usize>("offset")?.unwrap_or(0);
        if n > MAX_ROWS {
            return Err(ApiError::BadRequest(format!(
                "parameter offset={n}: at most {MAX_ROWS}"
            )));
        }
        Ok(n)
    }
}

/// The event filters (the flags of `aras events`).
const EVENT_FILTERS: &[&str] = &[
    "actor", "country", "dyad", "directed", "cameo", "root", "plover", "quad", "from", "to",
    "modality", "source",
];

fn event_filter(p: &Params) -> Result<EventFilter, ApiError> {
    let dyad = match p.text("dyad") {
        None => None,
        Some(d) => match d.split_once(',') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Some((a.trim().to_string(), b.trim().to_string()))
            }
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "parameter dyad={d:?}: use two codes, A,B"
                )))
            }
        },
    };
    let directed = p.flag("directed")?;
    if directed && dyad.is_none() {
        return Err(ApiError::BadRequest("directed needs dyad".into()));
    }
    Ok(EventFilter {
        actor: p.text("actor"),
        country: p.text("country"),
        dyad,
        directed,
        cameo: p.value("cameo")?,
        root: p.value("root")?,
        plover: p.value("plover")?,
        quad_class: p.value("quad")?,
        from: p.date("from")?,
        to: p.date("to")?,
        modality: p.value("modality")?.unwrap_or(ModalityFilter::Factual),
        publication: p.text("source"),
        limit: Some(MAX_ROWS),
    })
}

const MENTION_FILTERS: &[&str] = &["actor", "country", "source", "from", "to", "limit"];

fn mention_filter(p: &Params, limit: usize) -> Result<MentionFilter, ApiError> {
    Ok(MentionFilter {
        actor: p.text("actor"),
        country: p.text("country"),
        publication: p.text("source"),
        from: p.date("from")?,
        to: p.date("to")?,
        limit: Some(limit),
    })
}

fn known(extra: &[&'static str]) -> Vec<&'static str> {
    EVENT_FILTERS.iter().chain(extra).copied().collect()
}

fn unit(p: &Params) -> Result<Unit, ApiError> {
    Ok(if p.flag("reports")? {
        Unit::Reports
    } else {
        Unit::Clusters
    })
}

/// As `aras relations`/`timeline`/`balance`: a modality other than `factual` means the
/// analyses count non-factual events too.
fn dyad_options(p: &Params, filter: &EventFilter) -> Result<DyadOptions, ApiError> {
    let level = match p.text("level").as_deref() {
        None | Some("country") => Level::Country,
        Some("actor") => Level::Actor,
        Some(v) => {
            return Err(ApiError::BadRequest(format!(
                "parameter level={v:?}: use country or actor"
            )))
        }
    };
    Ok(DyadOptions {
        level,
        include_nonfactual: !matches!(filter.modality, ModalityFilter::Factual),
        ..DyadOptions::default()
    })
}

fn min_events(p: &Params) -> Result<u32, ApiError> {
    Ok(p.value::<u32>("min_events")?.unwrap_or(1).max(1))
}

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/stats", get(stats))
        .route("/api/v1/documents", get(documents))
        .route("/api/v1/documents/{id}", get(document))
        .route("/api/v1/events", get(events))
        .route("/api/v1/actors", get(actors))
        .route("/api/v1/quotes", get(quotes))
        .route("/api/v1/search", get(search))
        .route("/api/v1/relations", get(relations))
        .route("/api/v1/timeline", get(timeline))
        .route("/api/v1/balance", get(balance_view))
        .route("/api/v1/{*rest}", get(no_endpoint))
}

/// Answers from the cache, else runs `f` on a store connection and keeps the answer.
async fn answer(
    state: &AppState,
    uri: &Uri,
    f: impl FnOnce(&mut Store) -> Result<Reply, ApiError> + Send + 'static,
) -> Result<Reply, ApiError> {
    let key = uri.to_string();
    if let Some(hit) = state.cache.get(&key) {
        return Ok(hit);
    }
    let cell = match state.cache.running.lock() {
        Ok(mut running) => Arc::clone(running.entry(key.clone()).or_default()),
        Err(_) => return Err(ApiError::Unavailable),
    };
    let result = cell.get_or_try_init(|| state.pool.with(f)).await.cloned();
    if let Ok(reply) = &result {
        state.cache.put(key.clone(), reply);
    }
    if let Ok(mut running) = state.cache.running.lock() {
        running.remove(&key);
    }
    result
}

async fn no_endpoint(uri: Uri) -> ApiError {
    ApiError::NotFound(format!("no endpoint {}", uri.path()))
}

async fn stats(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    Params::parse(q.as_deref(), &[])?;
    answer(&s, &uri, |store| Reply::json(&store.counts()?)).await
}

async fn documents(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    let p = Params::parse(q.as_deref(), &["source", "from", "to", "limit", "offset"])?;
    let limit = p.limit(50, MAX_PAGE)?;
    let offset = p.offset()?;
    let filter = mention_filter(&p, limit)?;
    answer(&s, &uri, move |store| {
        let rows = store.documents(&filter, offset)?;
        Reply::json(&serde_json::json!({ "offset": offset, "limit": limit, "rows": rows }))
    })
    .await
}

async fn document(
    State(s): State<AppState>,
    uri: Uri,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    Params::parse(q.as_deref(), &[])?;
    answer(&s, &uri, move |store| match store.document(&id)? {
        Some(doc) => Reply::json(&doc),
        None => Err(ApiError::NotFound(format!("no document {id:?}"))),
    })
    .await
}

/// Orders event rows by a column of the events table.
fn sort_events(rows: &mut [EventRow], key: &str, descending: bool) -> Result<(), ApiError> {
    let day = |r: &EventRow| r.date.or(r.published);
    match key {
        "date" => rows.sort_by_key(|r| day(r)),
        "source" => rows.sort_by(|a, b| a.source_code.cmp(&b.source_code)),
        "target" => rows.sort_by(|a, b| a.target_code.cmp(&b.target_code)),
        "cameo" => rows.sort_by(|a, b| a.cameo.as_str().cmp(b.cameo.as_str())),
        "quad" => rows.sort_by_key(|r| r.quad_class.number()),
        "goldstein" => rows.sort_by(|a, b| a.goldstein.total_cmp(&b.goldstein)),
        "reports" => rows.sort_by_key(|r| r.n_reports),
        "publication" => rows.sort_by(|a, b| a.publication.cmp(&b.publication)),
        other => {
            return Err(ApiError::BadRequest(format!(
                "parameter sort={other:?}: use date, source, target, cameo, quad, goldstein, reports or publication"
            )))
        }
    }
    if descending {
        rows.reverse();
    }
    Ok(())
}

async fn events(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    let p = Params::parse(
        q.as_deref(),
        &known(&["reports", "limit", "offset", "sort", "order", "format"]),
    )?;
    let filter = event_filter(&p)?;
    let unit = unit(&p)?;
    let format = p.text("format").unwrap_or_else(|| "json".into());
    let (limit, offset) = match format.as_str() {
        "json" => (p.limit(50, MAX_PAGE)?, p.offset()?),
        "csv" | "jsonl" => (p.limit(MAX_ROWS, MAX_ROWS)?, p.offset()?),
        other => {
            return Err(ApiError::BadRequest(format!(
                "parameter format={other:?}: use json, csv or jsonl"
            )))
        }
    };
    let sort = p.text("sort").unwrap_or_else(|| "date".into());
    let descending = match p.text("order").as_deref() {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(v) => {
            return Err(ApiError::BadRequest(format!(
                "parameter order={v:?}: use asc or desc"
            )))
        }
    };
    sort_events(&mut [], &sort, false)?;
    answer(&s, &uri, move |store| {
        let mut rows = store.event_rows(&filter, unit)?;
        let total = rows.len();
        sort_events(&mut rows, &sort, descending)?;
        let page: Vec<EventRow> = rows.into_iter().skip(offset).take(limit).collect();
        let export = |r: Result<(), aras_export::ExportError>| {
            r.map_err(|e| ApiError::Status(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
        };
        match format.as_str() {
            "csv" => {
                let mut out = Vec::new();
                export(aras_export::write_events_csv(&page, &mut out))?;
                Ok(Reply {
                    content_type: "text/csv; charset=utf-8",
                    body: out.into(),
                })
            }
            "jsonl" => {
                let mut out = Vec::new();
                export(aras_export::write_events_jsonl(&page, &mut out))?;
                Ok(Reply {
                    content_type: "application/jsonl; charset=utf-8",
                    body: out.into(),
                })
            }
            _ => Reply::json(&serde_json::json!({
                "total": total,
                "truncated": total >= MAX_ROWS,
                "offset": offset,
                "limit": limit,
                "rows": page,
            })),
        }
    })
    .await
}

async fn actors(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    let p = Params::parse(q.as_deref(), MENTION_FILTERS)?;
    let filter = mention_filter(&p, p.limit(100, MAX_PAGE * 2)?)?;
    answer(&s, &uri, move |store| Reply::json(&store.actors(&filter)?)).await
}

async fn quotes(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    let p = Params::parse(q.as_deref(), MENTION_FILTERS)?;
    let filter = mention_filter(&p, p.limit(100, MAX_PAGE * 2)?)?;
    answer(&s, &uri, move |store| Reply::json(&store.quotes(&filter)?)).await
}

async fn search(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    let p = Params::parse(q.as_deref(), &["q", "limit"])?;
    let text = p.required("q")?;
    let limit = p.limit(20, 200)?;
    answer(&s, &uri, move |store| {
        Reply::json(&store.search(&text, limit)?)
    })
    .await
}

async fn relations(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    let p = Params::parse(
        q.as_deref(),
        &known(&["reports", "level", "one_way", "min_events"]),
    )?;
    let filter = event_filter(&p)?;
    let mut options = dyad_options(&p, &filter)?;
    options.focus = p.text("actor");
    options.directed = p.flag("one_way")?;
    options.min_events = min_events(&p)?;
    let unit = unit(&p)?;
    answer(&s, &uri, move |store| {
        let rows = store.event_rows(&filter, unit)?;
        Reply::json(&dyads(&rows, &options))
    })
    .await
}

async fn timeline(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    let p = Params::parse(
        q.as_deref(),
        &known(&["a", "b", "by", "one_way", "reports", "level"]),
    )?;
    let a = p.required("a")?;
    let b = p.required("b")?;
    let by: Bucket = p.value("by")?.unwrap_or(Bucket::Month);
    let one_way = p.flag("one_way")?;
    let mut filter = event_filter(&p)?;
    if filter.dyad.is_none() {
        filter.dyad = Some((a.clone(), b.clone()));
        filter.directed = one_way;
    }
    let mut options = dyad_options(&p, &filter)?;
    options.directed = one_way;
    let unit = unit(&p)?;
    answer(&s, &uri, move |store| {
        let rows = store.event_rows(&filter, unit)?;
        Reply::json(&timeline_with(&rows, &a, &b, by, &options))
    })
    .await
}

async fn balance_view(
    State(s): State<AppState>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Result<Reply, ApiError> {
    let p = Params::parse(
        q.as_deref(),
        &known(&["mixed", "min_events", "reports", "level"]),
    )?;
    // `actor` is the focus (as `aras balance ACTOR`): the whole graph is read, since a
    // triangle's third edge does not involve the focus actor.
    let mut filter = event_filter(&p)?;
    let focus = filter.actor.take();
    let mixed = match p.text("mixed").as_deref() {
        None | Some("ambiguous") => MixedPolicy::Ambiguous,
        Some("positive") => MixedPolicy::Positive,
        Some("negative") => MixedPolicy::Negative,
        Some("ignore") => MixedPolicy::Ignore,
        Some(v) => {
            return Err(ApiError::BadRequest(format!(
                "parameter mixed={v:?}: use ambiguous, positive, negative or ignore"
            )))
        }
    };
    let mut dyads = dyad_options(&p, &filter)?;
    dyads.min_events = min_events(&p)?;
    let options = BalanceOptions {
        dyads,
        mixed,
        focus,
        ..BalanceOptions::default()
    };
    let unit = unit(&p)?;
    answer(&s, &uri, move |store| {
        let rows = store.event_rows(&filter, unit)?;
        Reply::json(&balance(&rows, &options))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_checked_by_name_and_value() {
        let known = known(&["limit"]);
        assert!(Params::parse(Some("actor=AZE&limit=5"), &known).is_ok());
        let err = Params::parse(Some("actr=AZE"), &known).err().unwrap();
        assert!(err.to_string().contains("unknown parameter \"actr\""));
        assert!(Params::parse(Some("actor=A&actor=B"), &known).is_err());
        let p = Params::parse(Some("limit=0"), &known).unwrap();
        assert!(p.limit(50, 500).is_err());
        let p = Params::parse(Some("dyad=AZE"), &known).unwrap();
        assert!(event_filter(&p).is_err());
        let p = Params::parse(Some("dyad=aze,%20ISR&quad=4&from=2025-06-01"), &known).unwrap();
        let f = event_filter(&p).unwrap();
        assert_eq!(f.dyad, Some(("aze".into(), "ISR".into())));
        assert_eq!(f.modality, ModalityFilter::Factual);
        assert_eq!(f.from.map(|d| d.to_string()).as_deref(), Some("2025-06-01"));
        let p = Params::parse(Some("from=June"), &known).unwrap();
        assert_eq!(
            event_filter(&p).err().unwrap().status(),
            StatusCode::BAD_REQUEST
        );
    }
}
