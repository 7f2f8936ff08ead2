#!/usr/bin/env python3
"""Cumulative figures per target from fuzz/logs/summary.tsv (written by run.sh), as a
Markdown table: runs, seconds, executions, coverage and features of the latest run,
corpus size now, and crashes (with the seconds run since the last crash)."""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORDER = ["ingest_text", "ingest_jsonl", "ingest_html", "ingest_feed", "conllu",
         "dictionaries", "store_records", "analyze"]

rows = list(csv.DictReader(open(os.path.join(HERE, "logs", "summary.tsv")), delimiter="\t"))
out = sys.stdout
out.write("| target | runs | seconds | executions | cov | ft | corpus | crashes | seconds since the last crash |\n")
out.write("|---|---|---|---|---|---|---|---|---|\n")
for t in ORDER:
    runs = [r for r in rows if r["target"] == t]
    if not runs:
        continue
    seconds = sum(int(r["seconds"]) for r in runs)
    execs = sum(int(r["execs"]) for r in runs if r["execs"].isdigit())
    crashes = sum(int(r["crashes"]) for r in runs)
    since = 0
    for r in runs:
        since = 0 if int(r["crashes"]) else since + int(r["seconds"])
    corpus_dir = os.path.join(HERE, "corpus", t)
    corpus = len(os.listdir(corpus_dir)) if os.path.isdir(corpus_dir) else int(runs[-1]["corpus"])
    last = runs[-1]
    out.write(f"| `{t}` | {len(runs)} | {seconds:,} | {execs:,} | {last['cov']} | {last['ft']} | "
              f"{corpus:,} | {crashes} | {since:,} |\n")
