# Shared set-up of kill9.sh and two_writers.sh (sourced, not run). Expects `root`, the
# script's name in `me` and the positional inputs in `inputs`; sets `inputs` (the shared
# AFP/Xinhua corpus, else Wikinews and the seed, else examples/ with batch size 1),
# `aras` (built if missing), the random `seed`, `dump`, a temporary `work` directory
# removed on exit and the ingest `flags` (`--batch-size` from $BATCH_SIZE).
shared=$root/../shared
if [ ${#inputs[@]} -eq 0 ]; then
    if [ -f "$shared/data/corpora/news_afp_xinhua_te3/articles.jsonl" ]; then
        inputs=("$shared/data/corpora/news_afp_xinhua_te3/articles.jsonl")
    elif [ -d "$shared/corpus" ]; then
        inputs=("$shared/corpus/wikinews" "$shared/corpus/seed")
    else
        echo "$me: ../shared absent: using examples/ (4 documents, batch size 1)" >&2
        inputs=("$root/examples")
        BATCH_SIZE=${BATCH_SIZE:-1}
    fi
fi
aras=${ARAS:-$root/target/release/aras}
if [ ! -x "$aras" ]; then
    (cd "$root" && cargo build --release --quiet)
fi
seed=${SEED:-$(date +%s)}
RANDOM=$seed
dump=$root/tests/crash/store_dump.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(-q)
[ -n "${BATCH_SIZE:-}" ] && flags+=(--batch-size "$BATCH_SIZE")
