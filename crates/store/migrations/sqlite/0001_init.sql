-- aras store, SQLite, version 1. Every record of SCHEMA.md in its own table, the record's
-- JSON kept whole in `record`, offsets as UTF-8 byte offsets into documents.body.
-- Dates are ISO 8601 text (they sort and compare as dates).

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    title       TEXT,
    date        TEXT,
    published   TEXT,
    source      TEXT,
    url         TEXT,
    lang        TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    sentences   INTEGER NOT NULL,
    tokens      INTEGER NOT NULL,
    n_actors    INTEGER NOT NULL,
    n_times     INTEGER NOT NULL,
    n_quotes    INTEGER NOT NULL,
    n_events    INTEGER NOT NULL,
    n_claims    INTEGER NOT NULL,
    body        TEXT NOT NULL,
    record      TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_doc_id ON documents (doc_id);
CREATE INDEX documents_source ON documents (source);
CREATE INDEX documents_published ON documents (published);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, body, content = 'documents', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.id, coalesce(new.title, ''), new.body);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
    VALUES ('delete', old.id, coalesce(old.title, ''), old.body);
END;

CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    mention_id  TEXT NOT NULL,
    text        TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    code        TEXT NOT NULL,
    country     TEXT,
    sector      TEXT,
    kind        TEXT,
    name        TEXT,
    role        TEXT,
    resolved_by TEXT,
    antecedent  TEXT,
    record      TEXT NOT NULL
);
CREATE INDEX actors_document ON actors (document_id);
CREATE INDEX actors_code ON actors (code);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE times (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    time_id     TEXT NOT NULL,
    text        TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    value       TEXT NOT NULL,
    kind        TEXT,
    anchor      TEXT,
    record      TEXT NOT NULL
);
CREATE INDEX times_document ON times (document_id);

CREATE TABLE quotes (
    id                  INTEGER PRIMARY KEY,
    document_id         INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    quote_id            TEXT NOT NULL,
    text                TEXT NOT NULL,
    span_start          INTEGER NOT NULL,
    span_end            INTEGER NOT NULL,
    speaker_name        TEXT,
    speaker_code        TEXT NOT NULL,
    speaker_mention     TEXT,
    speaker_resolved_by TEXT,
    partial             INTEGER NOT NULL,
    record              TEXT NOT NULL
);
CREATE INDEX quotes_document ON quotes (document_id);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

CREATE TABLE claims (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_id       TEXT NOT NULL,
    text           TEXT NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    subject        TEXT NOT NULL,
    subject_text   TEXT,
    value          TEXT NOT NULL,
    qualifier      TEXT,
    measure        TEXT,
    period         TEXT,
    source_name    TEXT,
    source_code    TEXT,
    source_mention TEXT,
    source_cue     TEXT,
    record         TEXT NOT NULL
);
CREATE INDEX claims_document ON claims (document_id);

-- One happening, however many reports (see crates/store/src/cluster.rs for the rule).
-- lo_max / hi_min: the latest first day and the earliest last day of its members' date
-- intervals, in days since 1970-01-01, so a newcomer is checked against every member.
CREATE TABLE clusters (
    id         INTEGER PRIMARY KEY,
    source_key TEXT NOT NULL,
    target_key TEXT NOT NULL,
    root       TEXT NOT NULL,
    factual    INTEGER NOT NULL,
    mergeable  INTEGER NOT NULL,
    lo_max     INTEGER,
    hi_min     INTEGER
);
CREATE INDEX clusters_key ON clusters (source_key, target_key, root, factual, mergeable, hi_min);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    cluster_id      INTEGER NOT NULL REFERENCES clusters (id),
    event_id        TEXT NOT NULL,
    source_code     TEXT NOT NULL,
    source_country  TEXT NOT NULL,
    source_text     TEXT NOT NULL,
    source_mention  TEXT,
    target_code     TEXT NOT NULL,
    target_country  TEXT NOT NULL,
    target_text     TEXT NOT NULL,
    target_mention  TEXT,
    cameo           TEXT NOT NULL,
    root            TEXT NOT NULL,
    plover          TEXT NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    date            TEXT,
    date_first      TEXT,
    date_precision  TEXT,
    date_source     TEXT NOT NULL,
    negated         INTEGER NOT NULL,
    modality        TEXT NOT NULL,
    factual         INTEGER NOT NULL,
    trigger_text    TEXT NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    quote_id        TEXT,
    confidence      REAL NOT NULL,
    record          TEXT NOT NULL
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
CREATE INDEX events_root ON events (root);
