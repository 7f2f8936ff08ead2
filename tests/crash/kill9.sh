#!/usr/bin/env bash
# kill -9 at random points of `aras ingest`, each followed by a re-run, must end with the
# same store as one clean ingest (issue 16, item 4).
#
#   tests/crash/kill9.sh [KILLS] [INPUT...]
#
# KILLS: default 20. INPUT: default the AFP/Xinhua corpus of ../shared (2,452 articles),
# else ../shared/corpus (Wikinews and the seed), else examples/. Environment: ARAS (the
# binary; default target/release/aras, built if missing), BATCH_SIZE (passed as
# --batch-size; default aras's own), SEED (for the random delays; default: the time).
#
# 1. A clean ingest into a fresh SQLite store, timed (T seconds: the shorter of it and a
#    second ingest into a scratch store).
# 2. KILLS times: start the same ingest into a second store, wait a random delay,
#    SIGKILL it, check the store (PRAGMA integrity_check, every document with all its
#    records, no event without its cluster; tests/crash/store_dump.py --check). The delay
#    is uniform in [0, R + T x the fraction of documents not yet stored), R being the
#    time of a re-run that finds everything stored (measured after step 1), so the kills
#    fall anywhere in what the re-run still has to do: loading the model, reading the
#    store, analysing, writing a batch.
#    Once re-runs have completed that store (or a run finished before its kill), it is
#    compared with the clean one and the next kill starts a fresh store, so the kills
#    keep falling while documents are being written, twice or more in a row on one store.
# 3. One last re-run completes the last store. Every completed store is compared with the
#    clean one through their canonical dumps (store_dump.py says what "identical" means;
#    row ids are compared too).
# Prints one line per kill and a summary; exits 1 if any check fails.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
kills=${1:-20}
shift || true
inputs=("$@")
me=kill9.sh
# shellcheck source=common.sh
source "$root/tests/crash/common.sh"

count() {
    python3 -c 'import sqlite3, sys
try:
    print(sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True).execute("SELECT COUNT(*) FROM documents").fetchone()[0])
except sqlite3.Error:
    print(0)' "$1"
}
now() { date +%s.%N; }
calc() { awk "BEGIN { print $* }"; }

echo "kill9: ${inputs[*]} (${BATCH_SIZE:+batch size $BATCH_SIZE, }SEED=$seed)"
t0=$(now)
"$aras" ingest --db "$work/clean.db" "${flags[@]}" "${inputs[@]}"
clean_seconds=$(calc "$(now) - $t0")
total=$(count "$work/clean.db")
# Timed again into a scratch store, with warm caches: the first run's time is often longer.
t0=$(now)
"$aras" ingest --db "$work/warm.db" "${flags[@]}" "${inputs[@]}"
warm_seconds=$(calc "$(now) - $t0")
rm -f "$work"/warm.db*
clean_seconds=$(calc "$warm_seconds < $clean_seconds ? $warm_seconds : $clean_seconds")
# A re-run on the complete store (everything skipped): the start-up and reading that
# every re-run pays before it reaches what is left to store.
t0=$(now)
"$aras" ingest --db "$work/clean.db" "${flags[@]}" "${inputs[@]}"
noop_seconds=$(calc "$(now) - $t0")
python3 "$dump" "$work/clean.db" "$work/clean.dump"
printf 'clean ingest: %d documents in %.1f s; a re-run that skips them all: %.1f s\n' \
    "$total" "$clean_seconds" "$noop_seconds"

failed=0
landed=0
episodes=0
identical_episodes=0
ids_episodes=0
# Compares the current episode's store with the clean one; a new episode starts afresh.
finish_episode() {
    episodes=$((episodes + 1))
    local verdict=NO ids=no
    if python3 "$dump" "$db" "$work/killed.dump"; then
        if cmp -s "$work/clean.dump" "$work/killed.dump"; then
            verdict=yes
            identical_episodes=$((identical_episodes + 1))
        else
            diff "$work/clean.dump" "$work/killed.dump" | head -20 >&2 || true
        fi
        if cmp -s "$work/clean.dump.ids" "$work/killed.dump.ids"; then
            ids=yes
            ids_episodes=$((ids_episodes + 1))
        fi
    fi
    [ "$verdict" = yes ] || failed=1
    printf 'store %d complete: %d documents, identical to the clean run: %s (row ids too: %s)\n' \
        "$episodes" "$(count "$db")" "$verdict" "$ids"
}
db=$work/killed1.db
killed_total_start=$(now)
for i in $(seq 1 "$kills"); do
    before=$(count "$db")
    if [ "$before" -eq "$total" ]; then
        finish_episode
        db=$work/killed$((episodes + 1)).db
        before=0
    fi
    # Uniform in [0, R + T x remaining fraction) seconds (R: the re-run that skips all).
    span_ms=$(calc "int(($noop_seconds + $clean_seconds * ($total - $before) / $total) * 1000)")
    [ "$span_ms" -ge 1 ] || span_ms=1
    delay_ms=$(( (RANDOM * 32768 + RANDOM) % span_ms ))
    "$aras" ingest --db "$db" "${flags[@]}" "${inputs[@]}" &
    pid=$!
    sleep "$(calc "$delay_ms / 1000")"
    if kill -9 "$pid" 2>/dev/null; then
        state="killed"
        landed=$((landed + 1))
    else
        state="had finished"
    fi
    wait "$pid" 2>/dev/null || true
    after=$(count "$db")
    if python3 "$dump" --check "$db"; then
        check=ok
    else
        check=FAILED
        failed=1
    fi
    printf 'kill %2d (store %d): after %5.2f s (%s): %d -> %d documents, store check %s\n' \
        "$i" "$((episodes + 1))" "$(calc "$delay_ms / 1000")" "$state" "$before" "$after" "$check"
done
t1=$(now)
"$aras" ingest --db "$db" "${flags[@]}" "${inputs[@]}"
final_seconds=$(calc "$(now) - $t1")
finish_episode
killed_seconds=$(calc "$(now) - $killed_total_start")
printf 'summary: %d kills (%d mid-run, %d after the run had finished) over %d stores, each completed by re-runs; last re-run %.1f s, all kills and re-runs %.1f s; stores identical to the clean run: %d of %d (row ids too: %d of %d)\n' \
    "$kills" "$landed" "$((kills - landed))" "$episodes" "$final_seconds" "$killed_seconds" \
    "$identical_episodes" "$episodes" "$ids_episodes" "$episodes"
exit $failed
