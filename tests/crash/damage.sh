#!/usr/bin/env bash
# Damaged and foreign `--db` files through the CLI (issue 16, item 4): every command that
# opens a store must fail with a clear message (exit 3) and leave the file byte for byte
# as it was.
#
#   tests/crash/damage.sh          (ARAS: the binary, default target/release/aras)
#
# Cases: a store cut to half its size; a store with one b-tree page header overwritten;
# a text file; random bytes; another application's SQLite database; a directory;
# /dev/null. Commands: ingest, events, search, export. Needs only examples/.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
aras=${ARAS:-$root/target/release/aras}
if [ ! -x "$aras" ]; then
    (cd "$root" && cargo build --release --quiet)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$aras" ingest --db store.db -q "$root/examples"
python3 - <<'EOF'
import sqlite3
c = sqlite3.connect("store.db")
c.execute("PRAGMA journal_mode=DELETE")  # everything into the main file
c.close()
data = open("store.db", "rb").read()
open("truncated.db", "wb").write(data[: len(data) // 2])
page = int.from_bytes(data[16:18], "big")
page = 65536 if page == 1 else page
b = bytearray(data)
b[2 * page : 2 * page + 16] = b"\xde" * 16  # the header of page 3, a b-tree page
open("overwritten.db", "wb").write(bytes(b))
open("notes.txt", "w").write("Minutes of the meeting, not a database.\n" * 100)
import os
open("random.bin", "wb").write(os.urandom(8192))
f = sqlite3.connect("foreign.db")
f.executescript("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine');")
f.close()
EOF
mkdir a-directory

failed=0
for db in truncated.db overwritten.db notes.txt random.bin foreign.db a-directory /dev/null; do
    for cmd in ingest events search export; do
        rm -f out.jsonl
        before=$( [ -f "$db" ] && sha256sum < "$db" || echo none)
        case $cmd in
            ingest) args=(ingest --db "$db" -q "$root/examples") ;;
            events) args=(events --db "$db") ;;
            search) args=(search --db "$db" talks) ;;
            export) args=(export --db "$db" --format jsonl --out out.jsonl) ;;
        esac
        status=0
        "$aras" "${args[@]}" > out.txt 2> err.txt || status=$?
        after=$( [ -f "$db" ] && sha256sum < "$db" || echo none)
        message=$(head -1 err.txt)
        verdict=ok
        [ "$status" -eq 3 ] || verdict=FAILED
        [ "$before" = "$after" ] || verdict="FAILED (file changed)"
        [ -n "$message" ] || verdict="FAILED (no message)"
        if [ -s out.txt ] || [ -e out.jsonl ]; then verdict="FAILED (output written)"; fi
        [ "$verdict" = ok ] || failed=1
        printf '%-15s %-7s exit %d, unchanged %s: %s  [%s]\n' "$db" "$cmd" "$status" \
            "$([ "$before" = "$after" ] && echo yes || echo NO)" "$message" "$verdict"
    done
done
exit $failed
