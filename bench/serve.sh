#!/usr/bin/env bash
# Load benchmark of `aras serve` (not a test): a store of the 2,452 AFP/Xinhua articles
# (../shared/data/corpora/news_afp_xinhua_te3/articles.jsonl), 200 concurrent clients on
# loopback with wrk (Debian package `wrk`), mixing API queries and page loads. Prints
# errors, requests/s and latency percentiles (p50, p99) for the mix and for the API alone.
#
#   bash bench/serve.sh                      # builds release first
#   ARAS_BIN=target/debug/aras bash bench/serve.sh
#   ARAS_BENCH_DB=afp.db bash bench/serve.sh # reuse a store (ingested if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${ARAS_SHARED:-../shared}/data/corpora/news_afp_xinhua_te3/articles.jsonl
if [ ! -f "$corpus" ]; then
  echo "skipping: $corpus not found (the shared corpora sit next to the repository)" >&2
  exit 0
fi
if ! command -v wrk >/dev/null; then
  echo "skipping: no wrk (apt-get install wrk)" >&2
  exit 0
fi
if [ -z "${ARAS_BIN:-}" ]; then
  cargo build --release --quiet
  ARAS_BIN=${CARGO_TARGET_DIR:-target}/release/aras
fi
tmp=$(mktemp -d)
db=${ARAS_BENCH_DB:-$tmp/afp.db}
if [ ! -f "$db" ]; then
  "$ARAS_BIN" ingest --quiet --db "$db" "$corpus"
fi
port=${ARAS_BENCH_PORT:-18080}
"$ARAS_BIN" serve --db "$db" --addr "127.0.0.1:$port" 2>"$tmp/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/stats" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "store: $(curl -fs "http://127.0.0.1:$port/api/v1/stats")"

# Request paths: documents and events picked from the store, every endpoint, every page.
docs=$(curl -fs "http://127.0.0.1:$port/api/v1/documents?limit=40" | grep -o '"doc_id":"[^"]*"' | cut -d'"' -f4)
api=(
  "/api/v1/relations" "/api/v1/relations?actor=USA" "/api/v1/relations?actor=CHN"
  "/api/v1/relations?level=actor" "/api/v1/balance" "/api/v1/balance?actor=USA"
  "/api/v1/timeline?a=USA&b=CHN&by=month" "/api/v1/timeline?a=USA&b=IRQ&by=year"
  "/api/v1/events" "/api/v1/events?actor=USA&sort=goldstein&order=desc"
  "/api/v1/events?quad=4&offset=50" "/api/v1/events?dyad=USA,IRQ"
  "/api/v1/actors" "/api/v1/quotes?limit=50" "/api/v1/search?q=president"
  "/api/v1/search?q=peace+talks" "/api/v1/search?q=oil+prices" "/api/v1/documents"
)
for d in $docs; do api+=("/api/v1/documents/$d"); done
pages=("/" "/network" "/events" "/timeline?a=USA&b=CHN" "/assets/app.js" "/assets/app.css" "/search?q=peace")
for d in $(echo "$docs" | head -10); do pages+=("/documents/$d"); done

lua() { # paths... -> a wrk script cycling through them, counting non-2xx answers
  {
    echo "paths = {"
    for p in "$@"; do printf '  "%s",\n' "$p"; done
    echo "}"
    cat <<'LUA'
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
  } >"$tmp/mix.lua"
}

run() { # label, paths...
  local label=$1; shift
  lua "$@"
  # One warm-up pass (fills the response cache), then the measured run.
  wrk -t2 -c200 -d5s -s "$tmp/mix.lua" "http://127.0.0.1:$port" >/dev/null
  wrk -t2 -c200 -d20s --latency -s "$tmp/mix.lua" "http://127.0.0.1:$port" >"$tmp/out"
  local rps p50 p99 errors non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/out")
  p50=$(awk '$1 == "50%" {print $2}' "$tmp/out")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/out")
  errors=$(grep -o 'Socket errors:.*' "$tmp/out" || echo "Socket errors: none")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$tmp/out")
  echo "$label: ${#@} paths, 200 clients, 20 s: $rps requests/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}, $errors"
}
run "mix (API + pages)" "${api[@]}" "${pages[@]}"
run "API only" "${api[@]}"
# Cold: the response cache off the table (each request a new query string).
lua_cold() {
  cat >"$tmp/mix.lua" <<'LUA'
local i = 0
local paths = { "/api/v1/events?limit=20&offset=", "/api/v1/search?limit=20&q=president&offset=",
  "/api/v1/relations?actor=USA&min_events=", "/api/v1/documents?limit=10&offset=" }
request = function()
  i = i + 1
  local p = paths[(i % #paths) + 1]
  if p:find("search") then p = "/api/v1/search?limit=" .. (i % 200 + 1) .. "&q=president" end
  return wrk.format("GET", p .. (i % 100000 + 1))
end
LUA
  wrk -t2 -c200 -d20s --latency -s "$tmp/mix.lua" "http://127.0.0.1:$port" >"$tmp/out"
  echo "API uncached (distinct queries): $(awk '/Requests\/sec/ {print $2}' "$tmp/out") requests/s, p50 $(awk '$1 == "50%" {print $2}' "$tmp/out"), p99 $(awk '$1 == "99%" {print $2}' "$tmp/out"), non-2xx $(awk '/Non-2xx/ {print $NF}' "$tmp/out" | grep . || echo 0), $(grep -o 'Socket errors:.*' "$tmp/out" || echo 'Socket errors: none')"
}
lua_cold
