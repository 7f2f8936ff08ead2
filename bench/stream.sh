#!/usr/bin/env bash
# Streaming benchmark (issue 14, item 3): the 2,452 AFP/Xinhua articles of
# ../shared/data/corpora/news_afp_xinhua_te3/articles.jsonl, repeated with fresh ids, streamed
# through `aras analyze -j JOBS -` on stdin, output to /dev/null. Prints the single-file
# figure first (the same articles, one file, same jobs), then one line per stream length:
# documents/s, tokens/s, tokens/s per core, and peak RSS; and the resident set sampled every
# 10 s during the longest stream, to show it does not grow with the input.
#
#   bash bench/stream.sh                    # 100,000 and 1,000,000 documents, -j 2
#   JOBS=1 bash bench/stream.sh 20000       # other lengths and job counts
#
# The generator (Python, one json.loads per article, then string joins) costs a few per cent
# of one core; it writes the documents in a loop, so stdin is as long as asked and never held.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${ARAS_SHARED:-../shared}/data/corpora/news_afp_xinhua_te3/articles.jsonl
if [ ! -f "$corpus" ]; then
  echo "skipping: $corpus not found (the shared corpora sit next to the repository)" >&2
  exit 0
fi
jobs=${JOBS:-2}
lengths=("$@")
[ ${#lengths[@]} -eq 0 ] && lengths=(100000 1000000)
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/aras
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Repeats the corpus to N documents: copy k of article AFP_X gets id "AFP_X#k".
cat >"$tmp/repeat.py" <<'PY'
import json, sys
n = int(sys.argv[2])
docs = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            d = json.loads(line)
            base = d.pop("id")
            docs.append((base, json.dumps(d, ensure_ascii=False)[1:]))
out = sys.stdout
written, copy = 0, 0
while written < n:
    for base, rest in docs:
        if written == n:
            break
        out.write('{"id":' + json.dumps(f"{base}#{copy}") + "," + rest + "\n")
        written += 1
    copy += 1
PY

# One measured run: prints the summary line aras writes, wall time and peak RSS.
measure() {
  local label=$1
  shift
  local summary wall rss
  summary=$(grep '^aras: .* documents' "$tmp/err" || true)
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
  local docs tokens secs
  docs=$(sed -n 's/^aras: \([0-9]*\) documents.*/\1/p' <<<"$summary")
  tokens=$(sed -n 's/.* documents, \([0-9]*\) tokens in.*/\1/p' <<<"$summary")
  secs=$(sed -n 's/.* tokens in \([0-9.]*\) s.*/\1/p' <<<"$summary")
  awk -v l="$label" -v d="$docs" -v t="$tokens" -v s="$secs" -v j="$jobs" -v w="$wall" -v r="$rss" 'BEGIN {
    printf "%-22s %9d docs %11d tokens %8.1f s  %7.0f docs/s  %8.0f tokens/s  %8.0f tokens/s/core  wall %s  peak RSS %d MB\n",
      l, d, t, s, d / s, t / s, t / s / j, w, r / 1024 }'
}

# Single file, after one warm-up run that puts the corpus in the page cache.
"$bin" analyze --quiet -j "$jobs" "$corpus" >/dev/null
/usr/bin/time -v -o "$tmp/time" "$bin" analyze -j "$jobs" "$corpus" >/dev/null 2>"$tmp/err"
measure "single file (2,452)"

for n in "${lengths[@]}"; do
  python3 "$tmp/repeat.py" "$corpus" "$n" |
    /usr/bin/time -v -o "$tmp/time" "$bin" analyze -j "$jobs" - >/dev/null 2>"$tmp/err" &
  pipeline=$!
  # The resident set of the aras process every 10 s (kB), for the flatness claim.
  : >"$tmp/rss"
  start=$(date +%s)
  while kill -0 "$pipeline" 2>/dev/null; do
    pid=$(pgrep -n -f "$bin analyze -j $jobs -\$" || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
      echo "$(($(date +%s) - start)) $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null)" >>"$tmp/rss"
    fi
    sleep 10
  done
  wait "$pipeline"
  measure "stream of $n"
  if [ "$n" = "${lengths[-1]}" ]; then
    echo "resident set during the stream of $n (s: MB), every 10th sample:"
    awk 'NF == 2 && $2 != "" && (NR - 1) % 10 == 0 { printf "  %6d s: %4d MB\n", $1, $2 / 1024 }' "$tmp/rss"
    awk 'NF == 2 && $2 != "" { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2; n++ }
      END { printf "  %d samples, min %d MB, max %d MB\n", n, min / 1024, max / 1024 }' "$tmp/rss"
  fi
done
