#!/usr/bin/env bash
# Analysis time against document length (issue 16): one document made of AFP/Xinhua
# wire articles joined with blank lines, cut to each size, analysed alone with one worker
# and no time budget. Prints size, seconds, seconds per MB and peak RSS; a straight line
# means constant seconds per MB.
# Usage: bench/doc_length.sh [ARAS_BINARY] [SIZES...]
#   sizes in bytes, default 1 KB, 10 KB, 100 KB, 1 MB, 5 MB, 20 MB, 50 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
ARAS=$(realpath "${1:-target/release/aras}")
shift || true
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000 1000000 5000000 20000000 50000000)
CORPUS=${CORPUS:-../shared/data/corpora/news_afp_xinhua_te3/articles.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%10s %9s %9s %8s\n' BYTES SECONDS "S/MB" "RSS MB"
for size in "${SIZES[@]}"; do
  python3 - "$CORPUS" "$size" "$work/doc.txt" <<'PY'
import json, sys
corpus, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = [json.loads(l)["text"] for l in open(corpus, encoding="utf-8")]
parts, n, i = [], 0, 0
while n < size:
    t = texts[i % len(texts)]
    parts.append(t)
    n += len(t.encode()) + 2
    i += 1
body = "\n\n".join(parts).encode()[:size].decode("utf-8", "ignore")
open(out, "w", encoding="utf-8").write(body)
PY
  start=$(date +%s%N)
  /usr/bin/time -o "$work/rss" -f %M "$ARAS" analyze -q -j 1 --doc-timeout 0 "$work/doc.txt" >/dev/null
  end=$(date +%s%N)
  awk -v s="$size" -v a="$start" -v b="$end" -v r="$(tail -1 "$work/rss")" \
    'BEGIN { t = (b - a) / 1e9; printf "%10d %9.2f %9.2f %8d\n", s, t, t / (s / 1e6), r / 1024 }'
done
