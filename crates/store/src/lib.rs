//! The aras store: what `aras analyze` reads in many documents, kept in one database so
//! that an analyst can ask across all of them.
//!
//! Two backends behind one [`Store`]: SQLite (one file, WAL, the default) and PostgreSQL
//! (`postgres://…`, for teams). Schema migrations live in `migrations/<backend>/NNNN_*.sql`
//! and are applied in order, each in a transaction, recorded in `schema_version`.
//!
//! Ingest is idempotent by the SHA-256 of a document's body and transactional per batch:
//! a batch is stored whole or not at all, so an interrupted ingest leaves only complete
//! documents behind and a re-run completes it. Events from different documents that
//! describe one happening are linked into clusters as they arrive (rule: [`cluster`]).

pub mod cluster;
mod conn;
mod ingest;
pub mod pg;
mod query;
pub mod records;

use std::collections::HashSet;

pub use aras_relations::{EventRow, Unit};
pub use conn::Backend;
use conn::Conn;
pub use ingest::BatchOutcome;
pub use query::{
    ActorRow, DocumentRow, EventFilter, MentionFilter, ModalityFilter, QuoteRow, SearchHit,
    StoredDocument,
};
pub use records::DocumentRecords;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not a `source`: rusqlite's error and its own cause repeat the same message, so a
    /// chain printed in full said it three times.
    #[error("SQLite: {0}")]
    Sqlite(rusqlite::Error),
    /// The PostgreSQL error with its cause spelled out (the client's own message for a
    /// server error is only "db error").
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    #[error("record on line {line}: {message}")]
    Record { line: usize, message: String },
    #[error("store schema: {0}")]
    Schema(String),
    /// A search the store refuses to run (too many or too long words).
    #[error("search query: {0}")]
    Query(String),
    /// A stored value that this version cannot read (another program's rows).
    #[error("unreadable stored value: {0}")]
    Corrupt(String),
    /// The `--db` path names something other than a regular file (a directory, a device).
    #[error("not a regular file; left as it is")]
    NotAFile,
    /// The file is not a SQLite database at all.
    #[error("not a SQLite database; left as it is")]
    NotADatabase,
    /// A SQLite file that fails SQLite's own check (truncated, overwritten bytes).
    #[error("the database file is damaged ({0}); left as it is: restore it from a backup or use another file")]
    Damaged(String),
    /// Another application's SQLite database: aras adds no tables to it.
    #[error("not an aras store ({0}); left as it is")]
    Foreign(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase,
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Damaged(e.to_string()),
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        StoreError::Postgres(message)
    }
}

/// Rows in each table, for summaries and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub documents: u64,
    pub events: u64,
    pub clusters: u64,
    pub actors: u64,
    pub quotes: u64,
    pub times: u64,
    pub claims: u64,
}

/// A migration: its version and SQL.
type Migration = (i64, &'static str);

const SQLITE_MIGRATIONS: &[Migration] = &[(1, include_str!("../migrations/sqlite/0001_init.sql"))];
const POSTGRES_MIGRATIONS: &[Migration] =
    &[(1, include_str!("../migrations/postgres/0001_init.sql"))];

/// Serialises writers on PostgreSQL (ingests and migrations) for the length of a
/// transaction, so two concurrent ingests cannot both create the same cluster.
const PG_WRITE_LOCK: i64 = 0x6172_6173; // "aras"

/// How long a SQLite writer waits for another writer before giving up.
const SQLITE_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A connection to an aras store.
///
/// It takes what `aras analyze` writes, one [`DocumentRecords`] per document, and answers
/// the queries of `aras events`, `actors`, `quotes` and `search`:
///
/// ```
/// use aras_store::{DocumentRecords, EventFilter, Store, Unit};
///
/// // A SQLite file (here in memory) or a `postgres://` URL; migrated on open.
/// let mut store = Store::open(":memory:")?;
///
/// // One document's records, as `aras analyze` writes them (shortened by hand).
/// let body = "Israel struck targets in Iran on Friday.";
/// let jsonl = r#"{"type":"document","doc_id":"d1","title":null,"date":"2025-06-14","source":"AFP","url":null,"sha256":"5e1f"}
/// {"type":"actor","doc_id":"d1","id":"m1","text":"Israel","start":0,"end":6,"code":"ISR","country":"ISR","sector":null,"kind":"country","name":"Israel","role":null,"resolved_by":"dictionary"}
/// {"type":"actor","doc_id":"d1","id":"m2","text":"Iran","start":25,"end":29,"code":"IRN","country":"IRN","sector":null,"kind":"country","name":"Iran","role":null,"resolved_by":"dictionary"}
/// {"type":"event","doc_id":"d1","id":"e1","source":{"code":"ISR","country":"ISR","text":"Israel","mention":"m1"},"target":{"code":"IRN","country":"IRN","text":"Iran","mention":"m2"},"cameo":"190","root":"19","plover":"ASSAULT","quad_class":4,"goldstein":-10.0,"date":"2025-06-13","date_precision":"day","date_source":"text","negated":false,"modality":"asserted","trigger":{"text":"struck","start":7,"end":13},"evidence":{"text":"Israel struck targets in Iran on Friday.","start":0,"end":40},"quote_id":null,"confidence":0.9}"#;
/// let doc = DocumentRecords::from_jsonl(body, jsonl)?;
///
/// let outcome = store.ingest(&[doc.clone()])?;
/// assert_eq!(outcome.stored, 1);
/// // Idempotent: the same body again is skipped.
/// assert_eq!(store.ingest(&[doc])?.stored, 0);
///
/// let filter = EventFilter {
///     dyad: Some(("ISR".into(), "IRN".into())),
///     ..EventFilter::default()
/// };
/// let rows = store.event_rows(&filter, Unit::Clusters)?;
/// assert_eq!(rows.len(), 1);
/// assert_eq!(rows[0].cameo.as_str(), "190");
/// assert_eq!(rows[0].source_code.as_deref(), Some("ISR"));
///
/// let hits = store.search("targets", 10)?;
/// assert_eq!(hits[0].doc_id, "d1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Store {
    conn: Conn,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend())
            .finish()
    }
}

/// Whether a `--db` value names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

impl Store {
    /// Opens (creating and migrating as needed) the store at `location`: a
    /// `postgres://` / `postgresql://` URL, else a SQLite file path.
    pub fn open(location: &str) -> Result<Store, StoreError> {
        if is_postgres_url(location) {
            Self::open_postgres(location, None)
        } else {
            Self::open_sqlite(std::path::Path::new(location))
        }
    }

    /// Opens a SQLite store file (created if missing).
    ///
    /// An existing file is checked before anything is written to it (issue 16): it must be
    /// a regular file, pass SQLite's `quick_check` (a truncated or overwritten file is
    /// refused, never repaired or replaced) and be an aras store or an empty database (a
    /// database of another application is refused rather than given aras's tables).
    pub fn open_sqlite(path: &std::path::Path) -> Result<Store, StoreError> {
        check_regular_file(path)?;
        let c = rusqlite::Connection::open(path)?;
        c.busy_timeout(SQLITE_BUSY_TIMEOUT)?;
        check_sqlite_file(&c)?;
        let ours: i64 = c.query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
            [],
            |r| r.get(0),
        )?;
        let tables: Vec<String> = {
            let mut stmt = c.prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 6",
            )?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        if ours == 0 && !tables.is_empty() {
            let more = if tables.len() > 5 { ", ..." } else { "" };
            let names = tables[..tables.len().min(5)].join(", ");
            return Err(StoreError::Foreign(format!(
                "it has tables {names}{more} and no schema_version"
            )));
        }
        // WAL: readers do not block the writer; NORMAL sync is safe in WAL mode (a
        // committed batch survives a killed process; a power cut may lose the last ones
        // but never leaves a half batch).
        c.pragma_update(None, "journal_mode", "WAL")?;
        c.pragma_update(None, "synchronous", "NORMAL")?;
        c.pragma_update(None, "foreign_keys", "ON")?;
        c.set_prepared_statement_cache_capacity(256);
        let mut store = Store {
            conn: Conn::Sqlite(c),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store for reading only (`aras serve`): a SQLite file is opened
    /// read-only (never created, never migrated), a PostgreSQL session is made read-only;
    /// a store at another schema version than this program's is refused rather than
    /// read wrongly.
    pub fn open_read_only(location: &str) -> Result<Store, StoreError> {
        let mut store = if is_postgres_url(location) {
            let mut client = pg::connect(location)?;
            client.batch_execute(
                "SET client_min_messages TO WARNING; SET default_transaction_read_only = on",
            )?;
            Store {
                conn: Conn::Postgres {
                    client: Box::new(client),
                    statements: Default::default(),
                },
            }
        } else {
            use rusqlite::OpenFlags;
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI;
            if !location.starts_with("file:") {
                check_regular_file(std::path::Path::new(location))?;
            }
            let c = rusqlite::Connection::open_with_flags(location, flags)?;
            c.busy_timeout(SQLITE_BUSY_TIMEOUT)?;
            check_sqlite_file(&c)?;
            c.set_prepared_statement_cache_capacity(256);
            Store {
                conn: Conn::Sqlite(c),
            }
        };
        let expected = store.migrations().last().map_or(0, |m| m.0);
        let found = store.schema_version().map_err(|e| {
            StoreError::Schema(format!("not an aras store (no schema version: {e})"))
        })?;
        if found != expected {
            return Err(StoreError::Schema(format!(
                "the store is at schema version {found}, this program reads version {expected}"
            )));
        }
        Ok(store)
    }

    /// Opens an existing store for queries only. A SQLite file is opened read-only, so a
    /// read never alters it (no tables added, no switch to WAL: issue 16), and it must
    /// already hold aras's tables at a schema version this build knows; a PostgreSQL
    /// store opens as with [`Store::open`].
    pub fn open_for_reading(location: &str) -> Result<Store, StoreError> {
        if is_postgres_url(location) {
            return Self::open_postgres(location, None);
        }
        use rusqlite::OpenFlags;
        check_regular_file(std::path::Path::new(location))?;
        let c = rusqlite::Connection::open_with_flags(
            location,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        c.busy_timeout(SQLITE_BUSY_TIMEOUT)?;
        check_sqlite_file(&c)?;
        c.set_prepared_statement_cache_capacity(256);
        for table in ["schema_version", "documents", "events"] {
            let found: i64 = c.query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )?;
            if found == 0 {
                return Err(StoreError::Schema(format!(
                    "not an aras store (no `{table}` table); left as it is"
                )));
            }
        }
        let mut store = Store {
            conn: Conn::Sqlite(c),
        };
        store.check_version()?;
        Ok(store)
    }

    /// Refuses a store written by a newer aras: its tables may mean something else.
    fn check_version(&mut self) -> Result<(), StoreError> {
        let latest = self.migrations().last().map_or(0, |m| m.0);
        let version = self.schema_version()?;
        if version > latest {
            return Err(StoreError::Schema(format!(
                "the store is at schema version {version}, newer than this aras reads ({latest}): use a newer aras"
            )));
        }
        Ok(())
    }

    /// Opens a PostgreSQL store; with `schema`, in that schema (created if missing), so
    /// that several stores (tests, projects) can share one database.
    pub fn open_postgres(url: &str, schema: Option<&str>) -> Result<Store, StoreError> {
        let mut client = pg::connect(url)?;
        if let Some(schema) = schema {
            let ok = !schema.is_empty()
                && schema
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !ok {
                return Err(StoreError::Schema(format!(
                    "schema name {schema:?}: use lowercase letters, digits and _"
                )));
            }
            // Identifiers cannot be bound as parameters; the name was checked above.
            client.batch_execute(&format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}; SET search_path TO {schema}"
            ))?;
        }
        client.batch_execute("SET client_min_messages TO WARNING")?;
        let mut store = Store {
            conn: Conn::Postgres {
                client: Box::new(client),
                statements: Default::default(),
            },
        };
        store.migrate()?;
        Ok(store)
    }

    pub fn backend(&self) -> Backend {
        self.conn.backend()
    }

    /// The schema version the store is at.
    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_one("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?
            .int())
    }

    fn migrations(&self) -> &'static [Migration] {
        match self.backend() {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        }
    }

    /// Applies the migrations the store has not seen, in order, in one transaction that
    /// holds the write lock (so two processes opening a new store do not both migrate),
    /// each recorded in `schema_version`.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let latest = self.migrations().last().map_or(0, |m| m.0);
        // A store at the latest version is only read: opening it takes no write lock.
        match self.schema_version() {
            Ok(v) if v > latest => return self.check_version(),
            Ok(v) if v == latest => return Ok(()),
            _ => {}
        }
        self.begin_write()?;
        let result = (|| {
            self.conn.script(
                "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
            )?;
            // Another process may have migrated while we waited for the lock.
            let current = self.schema_version()?;
            for &(version, sql) in self.migrations() {
                if version <= current {
                    continue;
                }
                self.conn.script(sql)?;
                self.conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
                    &[version.into(), now().into()],
                )?;
            }
            Ok(())
        })();
        self.finish(result)
    }

    /// Starts a write transaction that excludes other writers.
    fn begin_write(&mut self) -> Result<(), StoreError> {
        match self.backend() {
            Backend::Sqlite => self.conn.script("BEGIN IMMEDIATE"),
            Backend::Postgres => self.conn.script(&format!(
                "BEGIN; SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})"
            )),
        }
    }

    /// Commits on success, rolls back on failure (and returns the failure).
    fn finish<T>(&mut self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        match result {
            Ok(v) => {
                self.conn.script("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.script("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Which of these body hashes are already stored.
    pub fn stored_sha256(&mut self, hashes: &[String]) -> Result<HashSet<String>, StoreError> {
        ingest::stored_hashes(&mut self.conn, hashes)
    }

    /// Stores a batch of analysed documents in one transaction: all of them or none.
    /// Documents whose body hash is already stored (or repeated within the batch) are
    /// skipped. Events join clusters in batch order.
    pub fn ingest(&mut self, docs: &[DocumentRecords]) -> Result<BatchOutcome, StoreError> {
        self.begin_write()?;
        let result = ingest::write_batch(&mut self.conn, docs);
        self.finish(result)
    }

    /// Rows in each table.
    pub fn counts(&mut self) -> Result<Counts, StoreError> {
        let mut count = |table: &str| -> Result<u64, StoreError> {
            Ok(self
                .conn
                .query_one(&format!("SELECT COUNT(*) FROM {table}"), &[])?
                .int() as u64)
        };
        Ok(Counts {
            documents: count("documents")?,
            events: count("events")?,
            clusters: count("clusters")?,
            actors: count("actors")?,
            quotes: count("quotes")?,
            times: count("times")?,
            claims: count("claims")?,
        })
    }

    /// Checks the invariants a committed store keeps, and describes each violation:
    /// every document has exactly the records its `document` row says it has, every
    /// event belongs to a cluster, and no cluster is empty. Empty means consistent.
    pub fn check_consistency(&mut self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        for (table, column) in [
            ("actors", "n_actors"),
            ("times", "n_times"),
            ("quotes", "n_quotes"),
            ("events", "n_events"),
            ("claims", "n_claims"),
        ] {
            let sql = format!(
                "SELECT d.doc_id, d.{column}, (SELECT COUNT(*) FROM {table} x WHERE x.document_id = d.id) \
                 FROM documents d WHERE d.{column} <> (SELECT COUNT(*) FROM {table} x WHERE x.document_id = d.id)"
            );
            for row in self.conn.query(&sql, &[])? {
                problems.push(format!(
                    "document {} should have {} {table} but has {}",
                    row[0].text(),
                    row[1].int(),
                    row[2].int()
                ));
            }
        }
        let empty = self.conn.query_one(
            "SELECT COUNT(*) FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = c.id)",
            &[],
        )?;
        if empty.int() > 0 {
            problems.push(format!("{} clusters have no events", empty.int()));
        }
        Ok(problems)
    }

    /// Documents matching a full-text query, best first, with a snippet around the match.
    /// Every word of the query must occur, stemmed ("strikes" finds "strike"; Porter on
    /// SQLite, the `english` configuration on PostgreSQL); punctuation is ignored.
    pub fn search(&mut self, text: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        query::search(&mut self.conn, text, limit)
    }

    /// One stored document by its `doc_id` (the first stored, if several documents share
    /// it): metadata, body and every record, records in span order.
    pub fn document(&mut self, doc_id: &str) -> Result<Option<StoredDocument>, StoreError> {
        query::document(&mut self.conn, doc_id)
    }

    /// Stored documents (metadata only) matching the filter, newest first, from `offset`.
    pub fn documents(
        &mut self,
        filter: &MentionFilter,
        offset: usize,
    ) -> Result<Vec<DocumentRow>, StoreError> {
        query::documents(&mut self.conn, filter, offset)
    }

    /// Events matching `filter`: one row per cluster (its first-stored report that matches, with
    /// the whole cluster's counts) or one per report, ordered by date.
    pub fn event_rows(
        &mut self,
        filter: &EventFilter,
        unit: Unit,
    ) -> Result<Vec<EventRow>, StoreError> {
        query::event_rows(&mut self.conn, filter, unit)
    }

    /// Actors (by code and country) with their mention and document counts, most
    /// mentioned first.
    pub fn actors(&mut self, filter: &MentionFilter) -> Result<Vec<ActorRow>, StoreError> {
        query::actors(&mut self.conn, filter)
    }

    /// Quotes with their speakers, in document order.
    pub fn quotes(&mut self, filter: &MentionFilter) -> Result<Vec<QuoteRow>, StoreError> {
        query::quotes(&mut self.conn, filter)
    }
}

/// Refuses a `--db` path that exists and is not a regular file (a directory, a device
/// such as `/dev/null`, a FIFO); a path that does not exist yet is fine.
fn check_regular_file(path: &std::path::Path) -> Result<(), StoreError> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(StoreError::NotAFile),
        _ => Ok(()),
    }
}

/// SQLite's `quick_check` (the structure of every page, without cross-checking indexes:
/// about 0.1 s for a 60 MB store): a truncated file or overwritten bytes anywhere are
/// found before a query reads wrong rows or a write spreads the damage.
fn check_sqlite_file(c: &rusqlite::Connection) -> Result<(), StoreError> {
    let mut stmt = c.prepare("PRAGMA quick_check(3)")?;
    let found: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if found.len() == 1 && found[0] == "ok" {
        return Ok(());
    }
    // Rows such as "*** in database main ***\nPage 3: btreeInitPage() returns error code 11".
    let detail: Vec<&str> = found
        .iter()
        .flat_map(|row| row.lines())
        .filter(|line| !line.starts_with("***") && !line.trim().is_empty())
        .collect();
    Err(StoreError::Damaged(detail.join("; ")))
}

/// The current time as an ISO 8601 UTC timestamp.
fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}
