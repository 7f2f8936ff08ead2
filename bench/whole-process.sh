#!/usr/bin/env bash
# Whole-process benchmark: segmentation + tagging + parsing of the AFP/Xinhua articles
# (../shared/data/corpora/news_afp_xinhua_te3/articles.jsonl), on one core and on two,
# with peak RSS from /usr/bin/time -v. Prints the figures the README quotes.
#
#   bash bench/whole-process.sh            # builds release first
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${ARAS_SHARED:-../shared}/data/corpora/news_afp_xinhua_te3/articles.jsonl
if [ ! -f "$corpus" ]; then
  echo "skipping: $corpus not found (the shared corpora sit next to the repository)" >&2
  exit 0
fi
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/aras
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for jobs in 1 2; do
  # One warm-up run so both measurements read the corpus from the page cache.
  "$bin" parse --quiet -j "$jobs" "$corpus" >/dev/null
  /usr/bin/time -v "$bin" parse -j "$jobs" "$corpus" >"$tmp/out.conllu" 2>"$tmp/err"
  summary=$(grep '^aras: .* documents' "$tmp/err")
  load=$(grep '^aras: model loaded' "$tmp/err" || true)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/err")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/err")
  echo "jobs=$jobs  $summary  |  $load  |  wall $wall  |  peak RSS ${rss} KB"
done
