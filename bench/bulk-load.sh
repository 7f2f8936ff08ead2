#!/usr/bin/env bash
# Bulk-load benchmark (issue 14 item 4): 100,000 documents into SQLite and PostgreSQL.
#
# Input: the 2,452 AFP/Xinhua articles (../shared/data/corpora/news_afp_xinhua_te3/
# articles.jsonl) copied until there are DOCS documents. Copy k of an article is
# `ID~k`, its body followed by a line "(copy k)" (the store dedups by body hash) and its
# dates moved k years later, so that each copy is one more year of news and clusters form
# as in the original corpus rather than all copies piling into one cluster
# (SAME_DATES=1 measures that pile-up instead: the hardest case for cluster placement).
#
# 1. The store alone: `aras analyze` once, then the `bulk_load` example of aras-store
#    stores the copies of those records in batches of 128, timing only Store::ingest
#    (analysis costs some thirty times what storing does and would hide it).
# 2. The whole `aras ingest` of WHOLE_DOCS documents (default DOCS; WHOLE=0 skips it: at
#    about 290 documents/s per core, 100,000 take ten minutes or more). Here dates move with the document's
#    date only: dates written out in the text stay as they are.
#
# PostgreSQL when ARAS_BENCH_PG (else ARAS_TEST_PG) names a database whose role may
# create databases: a fresh schema `bench_bulk` in it for the store alone, a fresh
# database `aras_bench_bulk` beside it for the whole ingest (both dropped afterwards). Peak RSS from /usr/bin/time -v (whole ingest) and
# VmHWM (store alone, before the clusters are read back for the fingerprint).
#
#   bash bench/bulk-load.sh        # DOCS=100000 WHOLE=1 WHOLE_DOCS=$DOCS SAME_DATES=0
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${ARAS_SHARED:-../shared}/data/corpora/news_afp_xinhua_te3/articles.jsonl
if [ ! -f "$corpus" ]; then
  echo "skipping: $corpus not found (the shared corpora sit next to the repository)" >&2
  exit 0
fi
docs=${DOCS:-100000}
pg=${ARAS_BENCH_PG:-${ARAS_TEST_PG:-}}
export PGOPTIONS='-c client_min_messages=warning'  # no NOTICE for each dropped table
cargo build --release --quiet -p aras
cargo build --release --quiet -p aras-store --example bulk_load
target=${CARGO_TARGET_DIR:-target}/release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$target/aras" analyze --quiet "$corpus" >"$tmp/records.jsonl"
same=()
[ "${SAME_DATES:-0}" = 1 ] && same=(--same-dates)

echo "== the store alone: $docs documents, batches of 128"
"$target/examples/bulk_load" "$tmp/records.jsonl" "$corpus" "$tmp/bench.db" --docs "$docs" "${same[@]}"
rm -f "$tmp"/bench.db*
if [ -n "$pg" ]; then
  psql -q "$pg" -c "DROP SCHEMA IF EXISTS bench_bulk CASCADE"
  "$target/examples/bulk_load" "$tmp/records.jsonl" "$corpus" "$pg" --schema bench_bulk --docs "$docs" "${same[@]}"
  psql -q "$pg" -c "DROP SCHEMA bench_bulk CASCADE"
else
  echo "PostgreSQL skipped: ARAS_BENCH_PG and ARAS_TEST_PG unset"
fi

[ "${WHOLE:-1}" = 1 ] || exit 0
whole=${WHOLE_DOCS:-$docs}
echo "== the whole aras ingest: $whole documents"
python3 - "$corpus" "$whole" "${SAME_DATES:-0}" >"$tmp/input.jsonl" <<'PY'
import json, sys
path, docs, same = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
articles = [json.loads(line) for line in open(path, encoding="utf-8")]
def shift(date, years):
    if not date or len(date) < 4 or not date[:4].isdigit() or (len(date) > 4 and date[4] != "-"):
        return date
    year = int(date[:4]) + years
    rest = date[4:]
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if rest.startswith("-02-29") and not leap:
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"
for n in range(docs):
    k, a = divmod(n, len(articles))
    a = dict(articles[a])
    a["id"] = f"{a['id']}~{k}"
    a["text"] = f"{a['text']}\n\n(copy {k})"
    a["date"] = shift(a.get("date"), 0 if same else k)
    print(json.dumps(a, ensure_ascii=False))
PY
run_whole() {
  /usr/bin/time -v "$target/aras" ingest --json --db "$1" "$tmp/input.jsonl" 2>"$tmp/err" || true
  summary=$(grep '"type":"summary"' "$tmp/err")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/err")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/err")
  echo "$2: wall $wall | peak RSS $((rss / 1024)) MB | $summary"
}
run_whole "$tmp/whole.db" SQLite
if [ -n "$pg" ]; then
  psql -q "$pg" -c "DROP DATABASE IF EXISTS aras_bench_bulk" -c "CREATE DATABASE aras_bench_bulk"
  run_whole "${pg%/*}/aras_bench_bulk" PostgreSQL
  psql -q "$pg" -c "DROP DATABASE aras_bench_bulk"
fi
