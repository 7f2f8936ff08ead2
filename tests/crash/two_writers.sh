#!/usr/bin/env bash
# Two `aras ingest` processes on one SQLite file, and queries while an ingest writes
# (issue 16, item 4).
#
#   tests/crash/two_writers.sh [ROUNDS] [INPUT...]
#
# ROUNDS: default 3. INPUT and ARAS as for tests/crash/kill9.sh.
#
# Each round starts two ingests of the same input into one fresh store, the second
# after a random delay (0 in the first round: both create the file at once), while a
# third process runs `aras events` and `aras search` over and over until both end.
# Passes when: each writer exits 0 (it waited for the other's batches and skipped what
# the other stored) or fails with a message naming the lock, never anything else; the
# store then equals one clean ingest (canonical dumps, see store_dump.py); every query
# exits 0, or fails with a clear message, and the number of events it sees never goes
# down (a reader sees whole batches only).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-3}
shift || true
inputs=("$@")
me=two_writers.sh
# shellcheck source=common.sh
source "$root/tests/crash/common.sh"
flags+=(--json)
now() { date +%s.%N; }
calc() { awk "BEGIN { print $* }"; }
# A field of the ingest's summary: under --json the last typed object on its stderr.
field() { python3 -c 'import json, sys; print([json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")][-1][sys.argv[2]])' "$1" "$2" 2>/dev/null || echo "-"; }

echo "two_writers: ${inputs[*]} (${BATCH_SIZE:+batch size $BATCH_SIZE, }SEED=$seed)"
t0=$(now)
"$aras" ingest --db "$work/clean.db" "${flags[@]}" "${inputs[@]}" > /dev/null
clean_seconds=$(calc "$(now) - $t0")
python3 "$dump" "$work/clean.db" "$work/clean.dump"
printf 'clean ingest: %.1f s\n' "$clean_seconds"

failed=0
for round in $(seq 1 "$rounds"); do
    db=$work/round$round.db
    if [ "$round" -eq 1 ]; then delay_ms=0; else delay_ms=$(( RANDOM % ($(calc "int($clean_seconds * 500)") + 1) )); fi
    t0=$(now)
    "$aras" ingest --db "$db" "${flags[@]}" "${inputs[@]}" > "$work/w1.out" 2> "$work/w1.err" &
    w1=$!
    sleep "$(calc "$delay_ms / 1000")"
    "$aras" ingest --db "$db" "${flags[@]}" "${inputs[@]}" > "$work/w2.out" 2> "$work/w2.err" &
    w2=$!
    # Queries until both writers are done.
    queries=0 query_failures=0 last_events=0 went_down=0
    : > "$work/queries.err"
    while kill -0 "$w1" 2>/dev/null || kill -0 "$w2" 2>/dev/null; do
        if [ -f "$db" ]; then
            if out=$("$aras" events --db "$db" --format jsonl --reports 2>> "$work/queries.err"); then
                n=$(printf '%s' "$out" | grep -c . || true)
                [ "$n" -ge "$last_events" ] || went_down=1
                last_events=$n
            else
                query_failures=$((query_failures + 1))
            fi
            "$aras" search --db "$db" --format jsonl said > /dev/null 2>> "$work/queries.err" \
                || query_failures=$((query_failures + 1))
            queries=$((queries + 2))
        fi
        sleep 0.2
    done
    s1=0 s2=0
    wait "$w1" || s1=$?
    wait "$w2" || s2=$?
    seconds=$(calc "$(now) - $t0")
    verdict=ok
    for w in 1 2; do
        status=$([ "$w" -eq 1 ] && echo "$s1" || echo "$s2")
        if [ "$status" -ne 0 ] && ! grep -qi "lock\|busy" "$work/w$w.err"; then
            verdict=FAILED
            echo "  writer $w exited $status: $(head -c 300 "$work/w$w.err")" >&2
        fi
    done
    if python3 "$dump" "$db" "$work/round.dump" && cmp -s "$work/clean.dump" "$work/round.dump"; then
        identical=yes
    else
        identical=NO
        verdict=FAILED
    fi
    # A failed query must say why.
    if [ "$query_failures" -gt 0 ] && ! grep -q . "$work/queries.err"; then verdict=FAILED; fi
    [ "$went_down" -eq 0 ] || verdict=FAILED
    [ "$verdict" = ok ] || failed=1
    printf 'round %d: second writer after %.2f s; writer 1 exit %d (stored %s, skipped %s), writer 2 exit %d (stored %s, skipped %s); %.1f s; store identical to a clean ingest: %s; %d queries during the writes, %d failed%s; events seen never went down: %s: %s\n' \
        "$round" "$(calc "$delay_ms / 1000")" "$s1" "$(field "$work/w1.err" stored)" "$(field "$work/w1.err" skipped)" \
        "$s2" "$(field "$work/w2.err" stored)" "$(field "$work/w2.err" skipped)" "$seconds" "$identical" \
        "$queries" "$query_failures" "$([ "$query_failures" -eq 0 ] || echo " ($(sort -u "$work/queries.err" | head -2 | tr '\n' ' '))")" \
        "$([ "$went_down" -eq 0 ] && echo yes || echo NO)" "$verdict"
done
exit $failed
