#!/usr/bin/env python3
"""Canonical dump of an aras SQLite store, for comparing two stores (issue 16, item 4).

    store_dump.py STORE.db OUT.txt        writes the canonical dump, checks the store
    store_dump.py --check STORE.db        checks only (after a kill)

"Identical" means: the same documents (every column but the row id and `ingested_at`,
the time of the ingest), the same actors, times, quotes, claims and events (every column
but row ids; a record's document is named by its body's SHA-256), and the same event
clusters: the same events grouped together, with the same cluster attributes (a cluster
is named by its first event, the smallest (sha256, event_id) of its members, not by its
row id). Row ids are compared separately (`ids:` line on stderr): they are equal when
documents and clusters were stored in the same order, which the kill -9 runs keep, but
two concurrent writers may interleave batches and a reader cannot tell the difference.

With --check, a file that does not exist yet or holds no tables yet (a kill before the
first migration committed) passes. Checks (exit 1 on failure): PRAGMA integrity_check is ok; every document has as many
actors, times, quotes, events and claims as its own counts say; every event's cluster
exists and no cluster is empty; every document is in the full-text index.
"""
import json
import os
import sqlite3
import sys

RECORD_TABLES = {
    "actors": "mention_id",
    "times": "time_id",
    "quotes": "quote_id",
    "claims": "claim_id",
    "events": "event_id",
}


def columns(db, table):
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def check(db):
    problems = []
    result = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        problems.append("integrity_check: " + "; ".join(result[:5]))
        return problems
    for table in RECORD_TABLES:
        n = "n_" + table
        bad = db.execute(
            f"SELECT d.doc_id, d.{n}, (SELECT COUNT(*) FROM {table} r WHERE r.document_id = d.id) AS c "
            f"FROM documents d WHERE d.{n} != c LIMIT 3").fetchall()
        for doc_id, want, got in bad:
            problems.append(f"document {doc_id}: {n} = {want} but {got} {table} rows")
    orphans = db.execute(
        "SELECT COUNT(*) FROM events e LEFT JOIN clusters c ON c.id = e.cluster_id WHERE c.id IS NULL").fetchone()[0]
    if orphans:
        problems.append(f"{orphans} events without their cluster")
    empty = db.execute(
        "SELECT COUNT(*) FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = c.id)").fetchone()[0]
    if empty:
        problems.append(f"{empty} empty clusters")
    try:
        indexed = db.execute("SELECT COUNT(*) FROM documents_fts_docsize").fetchone()[0]
        docs = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        if indexed != docs:
            problems.append(f"full-text index holds {indexed} documents, the store {docs}")
    except sqlite3.Error as e:  # an SQLite without FTS5 tables' shadow names: skip
        print(f"store_dump: full-text index not checked: {e}", file=sys.stderr)
    return problems


def dump(db, out):
    sha = dict(db.execute("SELECT id, sha256 FROM documents"))
    members = {}
    for cid, doc, eid in db.execute("SELECT cluster_id, document_id, event_id FROM events"):
        members.setdefault(cid, []).append((sha[doc], eid))
    name = {cid: min(m) for cid, m in members.items()}
    lines = []
    cols = [c for c in columns(db, "documents") if c not in ("id", "ingested_at")]
    for row in db.execute(f"SELECT {', '.join(cols)} FROM documents"):
        lines.append(("documents", json.dumps(dict(zip(cols, row)), ensure_ascii=False, sort_keys=True)))
    for table in RECORD_TABLES:
        cols = [c for c in columns(db, table) if c != "id"]
        for row in db.execute(f"SELECT {', '.join(cols)} FROM {table}"):
            rec = dict(zip(cols, row))
            rec["document_id"] = sha[rec["document_id"]]
            if "cluster_id" in rec:
                rec["cluster_id"] = list(name[rec["cluster_id"]])
            lines.append((table, json.dumps(rec, ensure_ascii=False, sort_keys=True)))
    cols = [c for c in columns(db, "clusters") if c != "id"]
    for row in db.execute(f"SELECT id, {', '.join(cols)} FROM clusters"):
        rec = dict(zip(cols, row[1:]))
        rec["members"] = sorted(members.get(row[0], []))
        lines.append(("clusters", json.dumps(rec, ensure_ascii=False, sort_keys=True)))
    lines.sort()
    with open(out, "w", encoding="utf-8") as f:
        for table, line in lines:
            f.write(f"{table}\t{line}\n")
    # Row ids, for the separate `ids` comparison.
    with open(out + ".ids", "w", encoding="utf-8") as f:
        for i, s in sorted(sha.items()):
            f.write(f"document\t{i}\t{s}\n")
        for cid, n in sorted(name.items()):
            f.write(f"cluster\t{cid}\t{n[0]}\t{n[1]}\n")


def main():
    args = sys.argv[1:]
    only_check = args[:1] == ["--check"]
    if only_check:
        args = args[1:]
    if len(args) != (1 if only_check else 2):
        sys.exit(__doc__)
    if only_check and not os.path.exists(args[0]):
        return  # killed before it created the file: nothing to check
    db = sqlite3.connect(f"file:{args[0]}?mode=ro", uri=True)
    tables = db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0]
    if only_check and tables == 0:
        return  # killed before its first migration committed: an empty database
    problems = check(db)
    for p in problems:
        print(f"store_dump: {args[0]}: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    if not only_check:
        dump(db, args[1])


if __name__ == "__main__":
    main()
