#!/usr/bin/env bash
# Hostile inputs (issue 16): each case is analysed between two good documents and must
# end as the table below says: exit code, the error line naming the file (and line), how
# many documents come out (the two good ones included), and the good documents' records
# unchanged. Peak RSS of every case is printed; the run fails if any case exceeds
# MAX_RSS_MB or its expectation.
# Usage: tests/hostile/run.sh [ARAS_BINARY]   (default target/release/aras)
set -uo pipefail
cd "$(dirname "$0")/../.."
ARAS=${1:-target/release/aras}
ARAS=$(realpath "$ARAS")
MAX_RSS_MB=${MAX_RSS_MB:-1500}
TIMEOUT=${DOC_TIMEOUT:-10}
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
python3 tests/hostile/make_corpus.py "$work/c" >/dev/null
cd "$work/c"
"$ARAS" analyze -q good-before.txt good-after.txt >../good.jsonl

unreadable_docs=0
[ "$(id -u)" = 0 ] && unreadable_docs=1   # root reads a mode-000 file

# case | exit code | text the error output must contain | documents out [| --doc-timeout]
cases=(
  "binary.txt|1|binary.txt: binary file, skipped|2"
  "invalid-utf8.txt|1|invalid-utf8.txt:2: warning: invalid UTF-8 at byte 46|3"
  "nul-line2.jsonl|1|nul-line2.jsonl:2: NUL byte|11"
  "line-20mb.txt|1|line-20mb.txt: document line-20mb: gave up after|2"
  # The 5 MB "sentence" is now read in linear time (about 15 s here), so its budget is
  # set well under that for the case to test giving up, whatever the machine's speed.
  "sentence-5mb.txt|1|sentence-5mb.txt: document sentence-5mb: gave up after|2|2"
  "lines-200k.txt|0||3|120"
  "text-50mb.jsonl|1|text-50mb.jsonl:1: document big: gave up after|2"
  "wrong-types.jsonl|1|wrong-types.jsonl:1: \`text\` is a number, not a string|5"
  "nested-divs.html|1|nested-divs.html: HTML: elements nested 100002 deep|2"
  "entity-bomb.xml|0||3"
  "external-entity.xml|0||3"
  "unclosed-front-matter.txt|0||3"
  "dir|1|dir/fifo.txt: not a regular file (a FIFO), skipped|$((3 + unreadable_docs))"
)
failures=0
worst=0
printf '%-26s %4s %8s %9s  %s\n' CASE EXIT SECONDS "RSS MB" RESULT
for c in "${cases[@]}"; do
  IFS='|' read -r input want_rc want_err want_docs budget <<<"$c"
  budget=${budget:-$TIMEOUT}
  start=$(date +%s%N)
  if command -v /usr/bin/time >/dev/null; then
    /usr/bin/time -o ../rss -f %M timeout 300 "$ARAS" analyze -q -j 2 --doc-timeout "$budget" \
      good-before.txt "$input" good-after.txt >../out.jsonl 2>../err.txt
    rc=$?
    rss=$(( $(tail -1 ../rss) / 1024 ))
  else
    timeout 300 "$ARAS" analyze -q -j 2 --doc-timeout "$budget" \
      good-before.txt "$input" good-after.txt >../out.jsonl 2>../err.txt
    rc=$?
    rss=0
  fi
  secs=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  [ "$rss" -gt "$worst" ] && worst=$rss
  docs=$(grep -c '"type":"document"' ../out.jsonl)
  problems=()
  [ "$rc" = "$want_rc" ] || problems+=("exit $rc, want $want_rc")
  if [ -n "$want_err" ] && ! grep -qF -- "$want_err" ../err.txt; then
    problems+=("no error line '$want_err'")
  fi
  [ "$docs" = "$want_docs" ] || problems+=("$docs documents, want $want_docs")
  grep -E '"doc_id":"good-(before|after)"' ../out.jsonl | cmp -s - ../good.jsonl \
    || problems+=("the good documents' records changed")
  [ "$rss" -le "$MAX_RSS_MB" ] || problems+=("peak RSS $rss MB over $MAX_RSS_MB")
  if grep -qE 'lollollol|root:x:0' ../out.jsonl; then problems+=("an entity was expanded"); fi
  if [ ${#problems[@]} -eq 0 ]; then
    result=ok
  else
    result="FAIL: ${problems[*]}"
    failures=$((failures + 1))
    sed 's/^/    stderr: /' ../err.txt | head -5
  fi
  printf '%-26s %4s %8s %9s  %s\n' "$input" "$rc" "$secs" "$rss" "$result"
done
echo "hostile: ${#cases[@]} cases, $failures failed; worst peak RSS $worst MB (bound $MAX_RSS_MB MB)"
[ "$failures" = 0 ]
