#!/usr/bin/env bash
# Builds the fuzz targets (cargo-fuzz, libFuzzer, nightly) and runs each for
# SECONDS_PER_TARGET (default 60), one after another, at nice 19; then prints one line per
# target: executions, coverage (edges) and features, corpus size, crashes.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: every target)
#
# Needs: a nightly toolchain (`rustup toolchain install nightly`) and
# `cargo install cargo-fuzz`. The corpus grows in fuzz/corpus/<target> (ignored by git)
# from the committed seeds in fuzz/seeds/<target>, the ingest test fixtures, and, when
# ../shared exists, seeds cut from the third-party corpora and dictionaries there
# (fuzz/make_seeds.py --shared). Crashing inputs go to fuzz/artifacts/<target>/.
# Each run appends its figures to fuzz/logs/summary.tsv, so repeated runs add up.
# The exit status is 1 if any target crashed (or timed out, or ran out of memory).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$here"

seconds=${1:-60}
shift || true
all=(ingest_text ingest_jsonl ingest_html ingest_feed conllu dictionaries store_records analyze)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

# The whole pipeline is slow per input, so analyze gets short inputs.
max_len() {
    case $1 in
        analyze) echo 4096 ;;
        *) echo 16384 ;;
    esac
}

toolchain=${FUZZ_TOOLCHAIN:-nightly}
# No sanitizer: the code under test is safe Rust (the one unsafe block, the model's SIMD
# scoring, is exercised by every analyze input); overflow checks and debug assertions are
# on (cargo-fuzz's default), and libFuzzer counts panics, timeouts and OOMs as crashes.
CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} nice -n 19 cargo "+$toolchain" fuzz build -s none >&2 \
    || { echo "run.sh: building the fuzz targets failed (is cargo-fuzz installed? nightly?)" >&2; exit 2; }
bin="$here/target/x86_64-unknown-linux-gnu/release"

mkdir -p corpus artifacts logs
if [ -d "$root/../shared" ]; then
    python3 make_seeds.py --shared "$root/../shared" "$here/corpus-shared"
else
    echo "run.sh: ../shared absent: fuzzing from the committed seeds only" >&2
fi

[ -f logs/summary.tsv ] || printf 'finished\ttarget\tseconds\texecs\texecs_per_s\tcov\tft\tcorpus\tcrashes\n' > logs/summary.tsv
failed=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    dirs=("corpus/$t" "seeds/$t")
    [ -d "corpus-shared/$t" ] && dirs+=("corpus-shared/$t")
    case $t in ingest_*) dirs+=("$root/crates/ingest/tests/fixtures") ;; esac
    log="logs/$t.log"
    start=$(date +%s)
    set +e
    nice -n 19 "$bin/$t" "${dirs[@]}" \
        -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=30 -rss_limit_mb=2048 \
        -artifact_prefix="artifacts/$t/" -print_final_stats=1 > "$log" 2>&1
    status=$?
    set -e
    took=$(($(date +%s) - start))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
    corpus=$(find "corpus/$t" -type f | wc -l)
    crashes=$(find "artifacts/$t" -type f | wc -l)
    [ "$status" -eq 0 ] || failed=1
    [ "$crashes" -eq 0 ] || failed=1
    rate=$(( ${execs:-0} / (took > 0 ? took : 1) ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$took" "${execs:-?}" \
        "$rate" "${cov:-?}" "${ft:-?}" "$corpus" "$crashes" >> logs/summary.tsv
    printf '%-14s %5ss  execs %-10s (%s/s)  cov %-6s ft %-6s corpus %-5s crashes %s%s\n' "$t" "$took" \
        "${execs:-?}" "$rate" "${cov:-?}" "${ft:-?}" "$corpus" "$crashes" \
        "$([ "$status" -eq 0 ] || echo "  (exit $status: see fuzz/$log)")"
done
exit $failed
